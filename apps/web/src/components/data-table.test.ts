import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { DataTable } from './data-table.tsx';

type Row = { id: string; name: string };
const rows: Row[] = [
  { id: 'a', name: 'Alpha' },
  { id: 'b', name: 'Beta' },
];
const render = (props: Partial<Parameters<typeof DataTable<Row>>[0]>) =>
  renderToStaticMarkup(
    createElement(DataTable<Row>, {
      rows,
      rowKey: (r) => r.id,
      columns: [{ header: 'Name', cell: (r) => r.name, className: 'mono' }],
      ...props,
    }),
  );

it('renders headers, one row per item, an Actions header only with actions, and the selected row', () => {
  const html = render({
    actions: (r) => createElement('button', { type: 'button' }, `Delete ${r.name}`),
    actionsClassName: 'actions',
    selected: (r) => r.id === 'b',
  });
  expect(html).toContain('<th scope="col">Name</th><th scope="col"><span class="sr-only">Actions</span></th>');
  expect(html).toContain(
    '<tr aria-selected="false"><td class="mono">Alpha</td><td class="actions"><button type="button">Delete Alpha</button></td></tr>',
  );
  expect(html).toContain('<tr aria-selected="true"><td class="mono">Beta</td>');
  const plain = render({});
  expect(plain).not.toContain('Actions');
  expect(plain).not.toContain('aria-selected');
});

it('renders nothing without rows (the caller says so in words)', () => {
  expect(render({ rows: [] })).toBe('');
});
