// npm run admin -- <command> [options]: first-install and rescue tasks, run on the collector's machine.
// Uses the same DATA_DIR / DATABASE_URL as `npm start`.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { readConfig } from './config';
import { openDb } from './db';
import { hashPassword, passwordProblem } from './auth/passwords';
import { revokeAllTokens } from './auth/tokens';

const help = `Cách dùng / usage: npm run admin -- <lệnh> [tuỳ chọn]

  create-province-admin --username <tên> --name "<Họ tên>" [--password <mật khẩu>]
      Tạo tài khoản quản trị cấp tỉnh (Sở TT&TT). Mật khẩu lấy từ --password, biến ADMIN_PASSWORD,
      hoặc được hỏi khi chạy.
  reset-password --username <tên> [--password <mật khẩu>]
      Đặt lại mật khẩu và đăng xuất mọi phiên của tài khoản.
  list-users
      Liệt kê tài khoản.`;

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
const { values } = parseArgs({ args: rest, options: { username: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } }, strict: true });
if (!command || command === 'help' || command === '--help') {
  console.log(help);
  process.exit(command ? 0 : 2);
}

const config = readConfig();
const { db } = await openDb({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
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
    for (const u of users) console.log([u.username, u.role, u.full_name, u.agency_code ?? '', u.disabled_at ? 'đã khoá' : ''].join('\t'));
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
