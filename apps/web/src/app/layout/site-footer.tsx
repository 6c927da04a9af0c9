import { Link } from 'react-router';
import { paths } from '../../lib/site';

const principles = [
  ['促進健康', 'Promotion.'],
  ['預防疾病', 'Prevention.'],
  ['安全防護', 'Protection.'],
  ['共同參與', 'Participation.'],
  ['夥伴合作', 'Partnership!'],
] as const;

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <nav aria-label="頁尾連結" className="footer-links">
          <ul>
            <li>
              <Link to={paths.contacts}>諮詢窗口</Link>
            </li>
          </ul>
        </nav>
        <p className="footer-slogan">健康好幫手! -- 守護國民 促進健康!</p>
        <p className="footer-agency">
          衛生福利部國民健康署
          <br />
          <span lang="en">Health Promotion Administration, Ministry of Health and Welfare</span>
        </p>
        <ul className="footer-principles" aria-label="國民健康署理念">
          {principles.map(([zh, en]) => (
            <li key={en}>
              {zh} <strong lang="en">{en}</strong>
            </li>
          ))}
        </ul>
      </div>
    </footer>
  );
}
