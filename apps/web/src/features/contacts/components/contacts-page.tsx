import { HELP_DESK_CONTACTS } from '@portal/shared';
import { Fragment } from 'react';
import { Page } from '../../../components/ui/page';

/** "(02)2522-0878" → "tel:+886225220878"; an extension "#4" is dialled after a pause (","). */
export function telHref(number: string, extension?: string): string {
  const digits = number.replace(/\D/g, '').replace(/^0/, '');
  return `tel:+886${digits}${extension ? `,${extension}` : ''}`;
}

/**
 * The guide writes shared lines as "(02)2559-1971#4 / #5": the second entry reuses the first
 * number with its own extension. Each part becomes its own link, shown exactly as written.
 */
function TelLinks({ tel }: { tel: string }) {
  const parts = tel.split(' / ');
  const baseNumber = parts[0]?.split('#')[0] ?? tel;
  return (
    <>
      {parts.map((part, index) => {
        const [number = '', extension] = part.split('#');
        return (
          <Fragment key={part}>
            {index > 0 ? ' / ' : null}
            <a href={telHref(number || baseNumber, extension)}>{part}</a>
          </Fragment>
        );
      })}
    </>
  );
}

export function ContactsPage() {
  return (
    <Page title="諮詢窗口" lead="使用本系統如有任何問題，請洽下列諮詢窗口。">
      <div className="contact-grid">
        {HELP_DESK_CONTACTS.map((contact) => (
          <section key={contact.organisation} aria-labelledby={`contact-${contact.organisation}`} className="card">
            <h2 id={`contact-${contact.organisation}`} className="card-title">
              {contact.organisation}
            </h2>
            {'title' in contact && contact.title ? <p className="contact-role">{contact.title}</p> : null}
            <ul className="contact-list">
              <li>{contact.people.join(' / ')}</li>
              <li>
                Tel : <TelLinks tel={contact.tel} />
              </li>
              <li>
                Email : <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </li>
            </ul>
          </section>
        ))}
      </div>
    </Page>
  );
}
