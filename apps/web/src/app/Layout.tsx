import Button from 'react-bootstrap/Button';
import Container from 'react-bootstrap/Container';
import Nav from 'react-bootstrap/Nav';
import Navbar from 'react-bootstrap/Navbar';
import { Link, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { RoleBadges } from '../features/auth/components/RoleBadges';
import { logoutClicked, selectAccount, selectIsSigningOut, selectSessionStatus } from '../features/auth/authSlice';
import { useAppDispatch, useAppSelector } from './hooks';

/** The frame of every page: navbar with the signed-in account and its roles, then the page. */
export function Layout() {
  return (
    <>
      <a href="#main" className="visually-hidden-focusable position-absolute top-0 start-0 p-2 bg-light">
        Skip to content
      </a>
      <AppNavbar />
      <Container as="main" id="main" className="pb-5">
        <Outlet />
      </Container>
    </>
  );
}

function AppNavbar() {
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const status = useAppSelector(selectSessionStatus);
  const account = useAppSelector(selectAccount);
  const signingOut = useAppSelector(selectIsSigningOut);
  const roles = account?.roles ?? [];

  const signOut = () => {
    dispatch(logoutClicked());
    navigate('/');
  };

  return (
    <Navbar expand="md" bg="dark" data-bs-theme="dark" className="mb-2" as="header">
      <Container>
        <Navbar.Brand as={Link} to="/">
          ☕ Roastery Market
        </Navbar.Brand>
        <Navbar.Toggle aria-controls="main-nav" />
        <Navbar.Collapse id="main-nav">
          <Nav className="me-auto" as="nav" aria-label="Main">
            <Nav.Link as={NavLink} to="/" end>
              Shop
            </Nav.Link>
            {account ? (
              <Nav.Link as={NavLink} to="/me" end>
                My page
              </Nav.Link>
            ) : null}
            {roles.includes('PARTNER') ? (
              <Nav.Link as={NavLink} to="/studio">
                Studio
              </Nav.Link>
            ) : null}
            {roles.includes('ADMIN') ? (
              <Nav.Link as={NavLink} to="/backoffice">
                Backoffice
              </Nav.Link>
            ) : null}
          </Nav>
          {account ? (
            <div className="d-flex align-items-center gap-2 text-light" data-testid="nav-account">
              <span className="small">
                Signed in as <strong data-testid="nav-account-name">{account.name}</strong>
              </span>
              <RoleBadges roles={roles} testId="nav-roles" />
              <Button variant="outline-light" size="sm" onClick={signOut} disabled={signingOut} data-testid="sign-out">
                Sign out
              </Button>
            </div>
          ) : status === 'pending' ? null : (
            <Nav>
              <Nav.Link as={NavLink} to="/login" data-testid="nav-login">
                Sign in
              </Nav.Link>
              <Link to="/signup" className="btn btn-sm btn-primary align-self-center ms-md-2" data-testid="nav-signup">
                Sign up
              </Link>
            </Nav>
          )}
        </Navbar.Collapse>
      </Container>
    </Navbar>
  );
}
