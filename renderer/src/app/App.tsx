import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { theme } from './theme';
import { AppLayout } from './AppLayout';
import { ClientListPage } from '../clients/ClientListPage';
import { ClientCardPage } from '../clients/ClientCardPage';
import { ClientFormPage } from '../clients/ClientFormPage';
import { ContactFormPage } from '../clients/ContactFormPage';
import { SettingsPage } from './SettingsPage';
import { SyncPage } from '../sync/SyncPage';
import { CapturePage } from '../leads/CapturePage';
import { EventsPage } from '../leads/EventsPage';
import { EventFormPage } from '../leads/EventFormPage';
import { EventLeadsPage } from '../leads/EventLeadsPage';
import { TasksPage } from '../leads/TasksPage';
import { OffersPage } from '../offers/OffersPage';
import { OfferPage } from '../offers/OfferPage';
import { CatalogPage } from '../catalog/CatalogPage';
import { ProductPage } from '../catalog/ProductPage';
import { TrashPage } from '../trash/TrashPage';
import { NotFoundPage, RouteError } from './RouteProblems';

// Hash routing: the app is served from app://fieldbook/index.html on the desktop and from a
// static server in the browser build, and neither rewrites deep paths to index.html.
const router = createHashRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <ClientListPage /> },
      // The list lives at the start; "#/clients" is what people type for it.
      { path: 'clients', element: <Navigate to="/" replace /> },
      { path: 'clients/new', element: <ClientFormPage /> },
      { path: 'clients/:clientId', element: <ClientCardPage /> },
      { path: 'clients/:clientId/edit', element: <ClientFormPage /> },
      { path: 'clients/:clientId/contacts/new', element: <ContactFormPage /> },
      { path: 'clients/:clientId/contacts/:contactId/edit', element: <ContactFormPage /> },
      { path: 'catalog', element: <CatalogPage /> },
      { path: 'catalog/:productId', element: <ProductPage /> },
      { path: 'capture', element: <CapturePage /> },
      { path: 'events', element: <EventsPage /> },
      { path: 'events/new', element: <EventFormPage /> },
      { path: 'events/:eventId/edit', element: <EventFormPage /> },
      { path: 'events/:eventId', element: <EventLeadsPage /> },
      { path: 'tasks', element: <TasksPage /> },
      { path: 'offers', element: <OffersPage /> },
      { path: 'offers/:offerId', element: <OfferPage /> },
      { path: 'sync', element: <SyncPage /> },
      { path: 'trash', element: <TrashPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" />
      <RouterProvider router={router} />
    </MantineProvider>
  );
}
