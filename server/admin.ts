// npm run admin -- <command> [options]: first-install and rescue tasks, run on the collector's machine.
// Uses the same DATA_DIR / DATABASE_URL as `npm start`.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { readConfig } from './config';
import { openDb } from './db';
import { loadRegion } from './region';
import { hashPassword, passwordProblem } from './auth/passwords';
import { revokeAllTokens } from './auth/tokens';
import { backupDatabase, restoreDatabase } from './ops/backup';
import { describePurge, parseCutOff, planPurge, purge } from './ops/purge';

const help = `Cách dùng / usage: npm run admin -- <lệnh> [tuỳ chọn]

  create-province-admin --username <tên> --name "<Họ tên>" [--password <mật khẩu>]
      Tạo tài khoản quản trị cấp tỉnh (Sở TT&TT). Mật khẩu lấy từ --password, biến ADMIN_PASSWORD,
      hoặc được hỏi khi chạy.
  reset-password --username <tên> [--password <mật khẩu>]
      Đặt lại mật khẩu và đăng xuất mọi phiên của tài khoản.
  list-users
      Liệt kê tài khoản.
  backup --to <tệp>
      Sao lưu cơ sở dữ liệu (SQLite: sao lưu trực tuyến, máy chủ vẫn chạy được; PostgreSQL: pg_dump).
  restore --from <tệp> [--yes]
      Thay toàn bộ dữ liệu bằng bản sao lưu. Dừng máy chủ thu thập trước khi chạy.
  purge --before <dd/mm/yyyy> [--yes]
      Xóa dữ liệu đã hết thời hạn lưu (SECURITY.md, mục Retention): ảnh, số điện thoại, số CCCD của hộ đã mở
      cửa hàng trước ngày đó; đơn hàng của cán bộ trong các đợt có hạn báo cáo trước ngày đó mà cơ quan đã nộp
      báo cáo. Giữ nguyên các con số. Hỏi xác nhận trừ khi có --yes.`;

async function askPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    console.error('Thiếu mật khẩu: dùng --password hoặc biến môi trường ADMIN_PASSWORD.');
    process.exit(2);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const pw = await rl.question('Mật khẩu (ít nhất 10 ký tự): ');
  rl.close();
  return pw;
}

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { username: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, to: { type: 'string' }, from: { type: 'string' }, before: { type: 'string' }, yes: { type: 'boolean' } },
  strict: true,
});
if (!command || command === 'help' || command === '--help') {
  console.log(help);
  process.exit(command ? 0 : 2);
}

/** Asks "có/không" on the terminal; --yes answers for scripts. Without a terminal and without --yes: no. */
async function confirm(question: string): Promise<boolean> {
  if (values.yes) return true;
  if (!process.stdin.isTTY) {
    console.error('Cần xác nhận: chạy lại với --yes.');
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`${question} (có/không): `);
  rl.close();
  return /^(c|có|co|y|yes)$/i.test(answer.trim());
}

const config = readConfig();
// Backup and restore work on the files and dumps themselves: no migration runs on a database about to be copied
// or replaced.
if (command === 'backup' || command === 'restore') {
  try {
    if (command === 'backup') {
      if (!values.to) throw new Error('Thiếu --to <tệp>.');
      console.log(await backupDatabase(config, values.to));
    } else {
      if (!values.from) throw new Error('Thiếu --from <tệp>.');
      const where = config.databaseUrl ? 'cơ sở dữ liệu PostgreSQL (DATABASE_URL)' : `${config.dataDir}`;
      if (await confirm(`Toàn bộ dữ liệu hiện có trong ${where} sẽ được thay bằng ${values.from}. Máy chủ thu thập đã dừng chưa? Tiếp tục?`)) {
        console.log(await restoreDatabase(config, values.from));
      } else {
        console.log('Đã hủy, không thay đổi gì.');
        process.exitCode = 1;
      }
    }
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 1;
  }
  process.exit();
}

const { db } = await openDb({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, region: loadRegion(config.region) }).catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
try {
  if (command === 'create-province-admin') {
    const username = values.username?.trim().toLowerCase();
    const fullName = values.name?.trim().normalize('NFC');
    if (!username || !/^[a-z0-9._-]{3,40}$/.test(username)) throw new Error('Tên đăng nhập cần 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch.');
    if (!fullName) throw new Error('Thiếu --name "Họ tên".');
    const password = values.password ?? (await askPassword());
    const weak = passwordProblem(password);
    if (weak) throw new Error(weak);
    const taken = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (taken) throw new Error(`Tên đăng nhập "${username}" đã có.`);
    await db
      .insertInto('users')
      .values({ id: randomUUID(), username, password_hash: await hashPassword(password), role: 'province', full_name: fullName, agency_code: null, created_at: new Date().toISOString(), disabled_at: null })
      .execute();
    console.log(`Đã tạo tài khoản quản trị cấp tỉnh "${username}" (${fullName}).`);
  } else if (command === 'reset-password') {
    const username = values.username?.trim().toLowerCase() ?? '';
    const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    if (!user) throw new Error(`Không có tài khoản "${username}".`);
    const password = values.password ?? (await askPassword());
    const weak = passwordProblem(password);
    if (weak) throw new Error(weak);
    await db.updateTable('users').set({ password_hash: await hashPassword(password) }).where('id', '=', user.id).execute();
    await revokeAllTokens(db, user.role, user.id);
    console.log(`Đã đặt lại mật khẩu cho "${username}".`);
  } else if (command === 'list-users') {
    const users = await db.selectFrom('users').select(['username', 'role', 'full_name', 'agency_code', 'disabled_at']).orderBy('username').execute();
    for (const u of users) console.log([u.username, u.role, u.full_name, u.agency_code ?? '', u.disabled_at ? 'đã khóa' : ''].join('\t'));
  } else if (command === 'purge') {
    const before = parseCutOff(values.before ?? '');
    if (!before) throw new Error('Thiếu hoặc sai --before: ngày theo dạng dd/mm/yyyy (ví dụ 31/12/2022).');
    const yearAgo = new Date(Date.now() + 7 * 3600_000);
    yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
    if (before > yearAgo.toISOString().slice(0, 10)) {
      console.log('Lưu ý: ngày này chưa qua một năm, thời gian lưu SECURITY.md khuyến nghị; người dùng có thể vẫn cần các dữ liệu này.');
    }
    const plan = await planPurge(db, before);
    console.log(describePurge(plan, false));
    const nothing = !plan.households.count && !plan.operatorRows && plan.orders.periods.every((p) => !p.orders);
    if (nothing) console.log('Không có gì để xóa.');
    else if (await confirm('Xóa vĩnh viễn các dữ liệu trên?')) console.log(describePurge(await purge(db, before), true));
    else {
      console.log('Đã hủy, không xóa gì.');
      process.exitCode = 1;
    }
  } else {
    console.error(`Không có lệnh "${command}".\n\n${help}`);
    process.exitCode = 2;
  }
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
