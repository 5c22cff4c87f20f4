/**
 * The campaign's phases (province token): which districts must reach the target by which deadline. Routes:
 *   PUT    /api/province/phases/:id {name, startsOn?, deadline, districtCodes} → 200 the phase (created or replaced)
 *   DELETE /api/province/phases/:id → 204; 404.60 no such phase
 * A district is in at most one phase per deadline year (400.2 otherwise): phases of 2021 and 2022 sit side by side.
 */
import { Hono } from 'hono';
import type { AppDeps } from '../../app';
import type { AuthEnv } from '../../auth/require-role';
import { Problem } from '../../problem';
import { body } from '../../validate';
import { phaseRequest } from '../../../lib/api/channels';
import { loadPhases } from '../../channels/progress';

export function provincePhaseRoutes({ db }: AppDeps) {
  const r = new Hono<AuthEnv>();

  r.put('/:id', body(phaseRequest), async (c) => {
    const id = c.req.param('id');
    if (!/^[\w-]{1,40}$/.test(id)) throw new Problem('400.2', { field: 'id', detail: 'Mã giai đoạn: chữ không dấu, số, gạch (tối đa 40).' });
    const b = c.req.valid('json');
    const codes = [...new Set(b.districtCodes)];
    if (b.startsOn && b.startsOn > b.deadline) throw new Problem('400.2', { field: 'startsOn', detail: 'Ngày bắt đầu phải trước hạn.' });
    const known = codes.length ? await db.selectFrom('districts').select('code').where('code', 'in', codes).execute() : [];
    if (known.length !== codes.length) throw new Problem('400.2', { field: 'districtCodes', detail: 'Có mã huyện không có trong danh mục.' });
    const year = b.deadline.slice(0, 4);
    const clash = (await loadPhases(db)).find((p) => p.id !== id && p.deadline.slice(0, 4) === year && p.districtCodes.some((d) => codes.includes(d)));
    if (clash) throw new Problem('400.2', { field: 'districtCodes', detail: `Có huyện đã thuộc “${clash.name}” (hạn cùng năm ${year}).` });
    await db.transaction().execute(async (tx) => {
      await tx.deleteFrom('phase_districts').where('phase_id', '=', id).execute();
      await tx
        .insertInto('phases')
        .values({ id, name: b.name, starts_on: b.startsOn ?? null, deadline: b.deadline })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: b.name, starts_on: b.startsOn ?? null, deadline: b.deadline }))
        .execute();
      if (codes.length) await tx.insertInto('phase_districts').values(codes.map((district_code) => ({ phase_id: id, district_code }))).execute();
    });
    return c.json((await loadPhases(db)).find((p) => p.id === id));
  });

  r.delete('/:id', async (c) => {
    const id = c.req.param('id');
    const found = await db.selectFrom('phases').select('id').where('id', '=', id).executeTakeFirst();
    if (!found) throw new Problem('404.60');
    await db.transaction().execute(async (tx) => {
      await tx.deleteFrom('phase_districts').where('phase_id', '=', id).execute();
      await tx.deleteFrom('phases').where('id', '=', id).execute();
    });
    return c.body(null, 204);
  });

  return r;
}
