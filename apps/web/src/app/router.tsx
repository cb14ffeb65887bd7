import { createBrowserRouter, Link, Navigate, type RouteObject } from 'react-router-dom';
import { AddressesPage } from '../features/addresses/AddressesPage';
import { AdminApplicationsPage } from '../features/adminApplications/AdminApplicationsPage';
import { AdminCatalogPage } from '../features/adminCatalog/AdminCatalogPage';
import { AdminPartnersPage } from '../features/adminPartners/AdminPartnersPage';
import { AdminPaymentDetailPage } from '../features/adminPayments/AdminPaymentDetailPage';
import { AdminPaymentsPage } from '../features/adminPayments/AdminPaymentsPage';
import { AdminReconciliationPage } from '../features/adminPayments/AdminReconciliationPage';
import { AdminProductReviewsPage } from '../features/adminProducts/AdminProductReviewsPage';
import { AccountPage } from '../features/auth/AccountPage';
import { RequireAuth } from '../features/auth/components/RequireAuth';
import { RequireRole } from '../features/auth/components/RequireRole';
import { LoginPage } from '../features/auth/LoginPage';
import { SignupPage } from '../features/auth/SignupPage';
import { BillingRunsPage } from '../features/billingRuns/BillingRunsPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { OrderDetailPage } from '../features/orders/OrderDetailPage';
import { OrdersPage } from '../features/orders/OrdersPage';
import { PartnerApplicationPage } from '../features/partnerApplication/PartnerApplicationPage';
import { PaymentMethodCallbackPage } from '../features/paymentMethods/PaymentMethodCallbackPage';
import { PaymentMethodsPage } from '../features/paymentMethods/PaymentMethodsPage';
import { HomePage } from '../features/storefront/HomePage';
import { ItemPage } from '../features/storefront/ItemPage';
import { StudioOrdersPage } from '../features/studioOrders/StudioOrdersPage';
import { ProductEditorPage } from '../features/studioProducts/ProductEditorPage';
import { StudioProductsPage } from '../features/studioProducts/StudioProductsPage';
import { SubscriptionDetailPage } from '../features/subscriptions/SubscriptionDetailPage';
import { SubscriptionsPage } from '../features/subscriptions/SubscriptionsPage';
import { BackofficeLayout, StudioLayout } from './ConsoleNav';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

/**
 * Page routes. None starts with an API prefix (/api, /partner, /admin, /.well-known): those go to
 * the services through the proxy. Storefront `/` and `/items/:id`, My page `/me/*`, partner console
 * `/studio/*`, admin console `/backoffice/*`.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'items/:id', element: <ItemPage /> },
      { path: 'signup', element: <SignupPage /> },
      { path: 'login', element: <LoginPage /> },
      {
        path: 'me',
        element: <RequireAuth />,
        children: [
          { index: true, element: <AccountPage /> },
          { path: 'partner', element: <PartnerApplicationPage /> },
          { path: 'addresses', element: <AddressesPage /> },
          { path: 'payment-methods', element: <PaymentMethodsPage /> },
          { path: 'payment-methods/callback', element: <PaymentMethodCallbackPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'subscriptions', element: <SubscriptionsPage /> },
          { path: 'subscriptions/:id', element: <SubscriptionDetailPage /> },
          { path: 'orders', element: <OrdersPage /> },
          { path: 'orders/:id', element: <OrderDetailPage /> },
        ],
      },
      {
        path: 'studio',
        element: (
          <RequireRole
            role="PARTNER"
            fallback={
              <>
                The partner studio is for approved partners. <Link to="/me/partner">Apply to sell on Roastery</Link>.
              </>
            }
          >
            <StudioLayout />
          </RequireRole>
        ),
        children: [
          { index: true, element: <StudioProductsPage /> },
          { path: 'products/new', element: <ProductEditorPage /> },
          { path: 'products/:id', element: <ProductEditorPage /> },
          { path: 'orders', element: <StudioOrdersPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      {
        path: 'backoffice',
        element: (
          <RequireRole role="ADMIN" fallback="The backoffice is for Roastery admins only.">
            <BackofficeLayout />
          </RequireRole>
        ),
        children: [
          { index: true, element: <Navigate to="applications" replace /> },
          { path: 'applications', element: <AdminApplicationsPage /> },
          { path: 'products', element: <AdminProductReviewsPage /> },
          { path: 'partners', element: <AdminPartnersPage /> },
          { path: 'catalog', element: <AdminCatalogPage /> },
          { path: 'billing', element: <BillingRunsPage /> },
          { path: 'payments', element: <AdminPaymentsPage /> },
          { path: 'payments/reconciliation', element: <AdminReconciliationPage /> },
          { path: 'payments/:orderId', element: <AdminPaymentDetailPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The browser router of the running app (tests use createMemoryRouter with the same routes). */
export function createAppRouter() {
  return createBrowserRouter(routes);
}
