import type { AppDeps } from '../../app';
import { area } from '../area';
import { operatorListRoutes } from './operator-lists';
import { channelProgressRoutes } from './progress';

/** /api/channels: the operators' lists and every channel's progress, for the province and district accounts. */
export const channelsApi = (deps: AppDeps) =>
  area(deps.db, ['province', 'district'], [
    ['/', operatorListRoutes(deps)],
    ['/', channelProgressRoutes(deps)],
  ]);
