import { Link, NavLink } from 'react-router';
import { paths } from '../../lib/site';

const navItems = [
  { to: paths.guide, label: '新手指南' },
  { to: paths.qa, label: 'Q&A' },
  { to: paths.gettingStarted, label: '新手上路' },
  { to: paths.downloads, label: '下載專區' },
  { to: paths.otherServices, label: '其他服務' },
] as const;

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to={paths.announcements} className="site-brand">
          <span className="site-brand-agency">衛生福利部國民健康署</span>{' '}
          <span className="site-brand-name">
            醫療院所預防保健暨戒菸服務 <span className="site-brand-system">單一入口系統</span>
          </span>
        </Link>
      </div>
      <nav aria-label="主選單" className="site-nav">
        <ul>
          {navItems.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to}>{item.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
