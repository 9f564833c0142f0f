/**
 * Search box plus filter selects. On phones the selects fold behind a "筛选" button (with the number of filters
 * in use), so the list starts on the first screen instead of below four rows of dropdowns.
 */
import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Col, Row } from 'antd';
import { type ReactNode, useState } from 'react';
import { useMessages } from '../i18n/i18n.tsx';
import { componentMessages } from './components-messages.ts';
import { useIsPhone } from './use-is-phone.ts';

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
