/** The UI words every area uses (buttons and confirmations), once; areas' messages point here instead of repeating them. */
export const commonWords = {
  zh: { save: '保存', cancel: '取消', edit: '编辑', ok: '确定', remove: '删除' },
  en: { save: 'Save', cancel: 'Cancel', edit: 'Edit', ok: 'OK', remove: 'Remove' },
};
