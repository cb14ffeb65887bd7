import Nav from 'react-bootstrap/Nav';
import { NavLink, Outlet } from 'react-router-dom';

interface ConsoleLink {
  to: string;
  label: string;
  /** Active only on this exact path (the console's home). */
  end?: boolean;
}

const BACKOFFICE: ConsoleLink[] = [
  { to: '/backoffice/applications', label: 'Applications' },
  { to: '/backoffice/products', label: 'Product reviews' },
  { to: '/backoffice/partners', label: 'Partners' },
  { to: '/backoffice/catalog', label: 'Catalog' },
  { to: '/backoffice/billing', label: 'Billing' },
  { to: '/backoffice/payments', label: 'Payments' },
];

const STUDIO: ConsoleLink[] = [
  { to: '/studio', label: 'Products', end: true },
  { to: '/studio/products/new', label: 'New product' },
  { to: '/studio/orders', label: 'Orders' },
];

function ConsoleTabs({ label, links, testId }: { label: string; links: ConsoleLink[]; testId: string }) {
  return (
    <Nav variant="underline" as="nav" aria-label={label} className="mt-2 border-bottom" data-testid={testId}>
      {links.map((l) => (
        <Nav.Item key={l.to}>
          <Nav.Link as={NavLink} to={l.to} end={l.end}>
            {l.label}
          </Nav.Link>
        </Nav.Item>
      ))}
    </Nav>
  );
}

/** The admin console's frame: its sections as tabs, then the page. */
export function BackofficeLayout() {
  return (
    <>
      <ConsoleTabs label="Backoffice" links={BACKOFFICE} testId="backoffice-nav" />
      <Outlet />
    </>
  );
}

/** The partner console's frame. */
export function StudioLayout() {
  return (
    <>
      <ConsoleTabs label="Studio" links={STUDIO} testId="studio-nav" />
      <Outlet />
    </>
  );
}
