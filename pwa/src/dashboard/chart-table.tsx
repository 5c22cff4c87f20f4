/** The table a chart also offers ("Xem dạng bảng"), for screen readers and for reading exact figures. */
export function ChartTable({ title, keyLabel, rows, format }: { title: string; keyLabel: string; rows: { key: string; label: string; value: number }[]; format: (n: number) => string }) {
  return (
    <figcaption>
      <details>
        <summary>Xem dạng bảng: {title}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{keyLabel}</th>
              <th scope="col" class="num">Giá trị</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td class="num">{format(r.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figcaption>
  );
}
