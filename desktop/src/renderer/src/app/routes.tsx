import type { RouteObject } from 'react-router';
import { CampaignEditorPage } from '../editor/CampaignEditorPage.js';
import { CampaignListPage } from '../campaigns/CampaignListPage.js';
import { CatalogPage } from '../catalog/CatalogPage.js';
import { ReportsPage } from '../reports/ReportsPage.js';
import { SimulatorPage } from '../simulator/SimulatorPage.js';
import { SyncPage } from '../conflicts/SyncPage.js';
import { ThemesPage } from '../themes/ThemesPage.js';
import { Layout } from './Layout.js';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { path: 'campaigns', element: <CampaignListPage /> },
      { path: 'campaigns/:id', element: <CampaignEditorPage /> },
      { path: 'themes', element: <ThemesPage /> },
      { path: 'catalog', element: <CatalogPage /> },
      { path: 'simulator', element: <SimulatorPage /> },
      { path: 'reports', element: <ReportsPage /> },
      // ECharts is only needed by the war room: loaded on first visit.
      { path: 'live', lazy: async () => ({ Component: (await import('../live/WarRoomPage.js')).WarRoomPage }) },
      { path: 'sync', element: <SyncPage /> },
      { path: '*', element: null },
    ],
  },
];
