/**
 * Search box plus filter selects. On phones the selects fold behind a "筛选" button (with the number of filters
 * in use), so the list starts on the first screen instead of below four rows of dropdowns.
 */
import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Checkbox, Col, type ColProps, Input, Row, Select } from 'antd';
import { type ReactNode, useState } from 'react';
import { useMessages } from '../i18n/i18n.tsx';
import { componentMessages } from './components-messages.ts';
import { useIsPhone } from './use-is-phone.ts';

/** The filters row: the search box first, then the filters (folded behind a button on phones). */
export function FilterBar(props: { search: ReactNode; active: number; children: ReactNode }) {
  const m = useMessages(componentMessages);
  const isPhone = useIsPhone();
  const [open, setOpen] = useState(false);
  if (!isPhone) {
    return (
      <Row gutter={[8, 8]} className="filter-bar">
        <Col xs={24} lg={12} xl={8}>
          {props.search}
        </Col>
        {props.children}
      </Row>
    );
  }
  return (
    <Row gutter={[8, 8]} className="filter-bar">
      <Col span={24} className="filter-bar-phone">
        <div className="filter-bar-search">{props.search}</div>
        <Badge count={props.active} size="small">
          <Button icon={<FilterOutlined />} onClick={() => setOpen(!open)} aria-expanded={open}>
            {m.filters}
          </Button>
        </Badge>
      </Col>
      {open && props.children}
    </Row>
  );
}

export type FilterOption = { value: string; label: string };

/** Options from a `{ code: label }` record (sort orders, yes/no). */
export const optionsOf = (labels: Record<string, string>): FilterOption[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

const FILTER_COLS: ColProps = { xs: 12, sm: 8, lg: 6, xl: 4 };

/**
 * One filter of a FilterBar: a select showing its label as placeholder, clearable unless the list always filters
 * by it. `cols` overrides the column widths where a page lays out fewer, wider filters.
 */
export function FilterSelect(props: {
  label: string;
  value: string | undefined;
  options: FilterOption[];
  onChange(value: string | undefined): void;
  cols?: ColProps;
  allowClear?: boolean;
}) {
  return (
    <Col {...(props.cols ?? FILTER_COLS)}>
      <Select
        aria-label={props.label}
        placeholder={props.label}
        allowClear={props.allowClear ?? true}
        value={props.value}
        options={props.options}
        onChange={(v: string | undefined) => props.onChange(v)}
        popupMatchSelectWidth={false}
      />
    </Col>
  );
}

/** The sort order of a list: a FilterSelect over the area's `{ sort code: label }` messages. */
export function SortSelect(props: {
  label: string;
  value: string | undefined;
  sorts: Record<string, string>;
  onChange(sort: string | undefined): void;
  cols?: ColProps;
}) {
  const { sorts, ...select } = props;
  return <FilterSelect {...select} options={optionsOf(sorts)} />;
}

/**
 * An "only these" filter of a FilterBar: a checkbox kept in the URL as `'true'` when ticked and left out when not,
 * so an unticked box reads the same as a fresh visit. `className` lets the area align it with its selects.
 */
export function FilterCheck(props: {
  label: string;
  value: string | undefined;
  onChange(value: 'true' | undefined): void;
  className: string;
  cols?: ColProps;
}) {
  return (
    <Col {...(props.cols ?? FILTER_COLS)} className={props.className}>
      <Checkbox
        checked={props.value === 'true'}
        onChange={(e) => props.onChange(e.target.checked ? 'true' : undefined)}
      >
        {props.label}
      </Checkbox>
    </Col>
  );
}

/** The FilterBar's search box: sends the trimmed text; a new URL value (back, reset) replaces what is typed. */
export function FilterSearch(props: { label: string; value: string | undefined; onSearch(q: string): void }) {
  return (
    <Input.Search
      key={props.value ?? ''}
      aria-label={props.label}
      placeholder={props.label}
      defaultValue={props.value}
      allowClear
      enterButton
      onSearch={(q) => props.onSearch(q.trim())}
    />
  );
}
