/** Agency and province dashboards. */
export function DashboardApp() {
  return (
    <main>
      <h2>Báo cáo</h2>
      <p>Đăng nhập để xem báo cáo của cơ quan hoặc của tỉnh.</p>
    </main>
  );
}
