import type { AppDeps } from '../../app';
import { area } from '../area';
import { provinceAgencyRoutes } from './agencies';
import { provinceAgencyUnitRoutes } from './agency-units';
import { provinceUserRoutes } from './users';
import { provincePeriodRoutes } from './periods';
import { provinceRollupRoutes } from './rollup';
import { provinceInsightRoutes } from './insights';
import { provinceRegionRoutes } from './region';
import { provinceRulesRoutes } from './rules';
import { provincePageReportRoutes } from './page-reports';
import { provinceReportRoutes } from './reports';
import { provinceMarketplaceVolumeRoutes } from './marketplace-volume';
import { provincePhaseRoutes } from './phases';
import { provinceLeadingAccountRoutes } from './leading-accounts';

/** /api/province: Sở TT&TT (province token). */
export const provinceApi = (deps: AppDeps) =>
  area(deps.db, ['province'], [
    ['/agencies', provinceAgencyRoutes(deps)],
    ['/agencies/:code/units', provinceAgencyUnitRoutes(deps)],
    ['/users', provinceUserRoutes(deps)],
    ['/periods', provincePeriodRoutes(deps)],
    ['/rollup', provinceRollupRoutes(deps)],
    ['/', provinceInsightRoutes(deps)],
    ['/', provinceRegionRoutes(deps)],
    ['/rules', provinceRulesRoutes(deps)],
    ['/page-reports', provincePageReportRoutes(deps)],
    ['/reports', provinceReportRoutes(deps)],
    ['/marketplace-volume', provinceMarketplaceVolumeRoutes(deps)],
    ['/phases', provincePhaseRoutes(deps)],
    ['/leading-accounts', provinceLeadingAccountRoutes(deps)],
  ]);
