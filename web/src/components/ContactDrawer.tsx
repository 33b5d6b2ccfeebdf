import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api';
import { formatDateTime } from '../format';
import type { Contact } from '../api';
import { ConfirmButton } from './ConfirmButton';
import { Drawer } from './Drawer';
import { ContactConversations } from './inbox/ContactConversations';
import { ErrorNote, RoleNote } from './Notice';

/** Name, notes and opt-out of one contact; forgetting erases the texts of their messages too. */
export function ContactDrawer({
  contact,
  canEdit,
  onClose,
  onChange,
}: {
  contact: Contact;
  canEdit: boolean;
  onClose: () => void;
  onChange: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const displayName = String(form.get('displayName')).trim();
    const notes = String(form.get('notes')).trim();
    setError(null);
    try {
      await api.patch('/v1/contacts/{phone}', {
        path: { phone: contact.phone },
        body: {
          displayName: displayName || null,
          notes: notes || null,
          optedOut: form.get('optedOut') === 'on',
        },
      });
      onChange();
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const forget = async () => {
    try {
      await api.delete('/v1/contacts/{phone}', { path: { phone: contact.phone } });
      onChange();
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Drawer title={contact.displayName ?? contact.phone} onClose={onClose}>
      <dl className="facts">
        <dt>Number</dt>
        <dd>{contact.phone}</dd>
        <dt>On WhatsApp</dt>
        <dd>{contact.onWhatsApp === null ? 'not checked' : contact.onWhatsApp ? 'yes' : 'no'}</dd>
        <dt>Last wrote</dt>
        <dd>{contact.lastInboundAt ? formatDateTime(contact.lastInboundAt) : 'never'}</dd>
        {contact.optedOutAt && (
          <>
            <dt>Opted out</dt>
            <dd>{formatDateTime(contact.optedOutAt)}</dd>
          </>
        )}
      </dl>
      <ContactConversations phone={contact.phone} />
      <form className="stack" onSubmit={(e) => void save(e)}>
        {!canEdit && (
          <RoleNote>Only agents, admins and owners change contacts; your role reads them.</RoleNote>
        )}
        <fieldset disabled={!canEdit} className="stack">
          <label>
            Name
            <input name="displayName" maxLength={200} defaultValue={contact.displayName ?? ''} />
          </label>
          <label>
            Notes
            <textarea name="notes" rows={4} maxLength={5000} defaultValue={contact.notes ?? ''} />
          </label>
          <label className="check">
            <input name="optedOut" type="checkbox" defaultChecked={contact.optedOut} /> Opted out (send
            nothing but allowed verification codes)
          </label>
          <div className="actions">
            <button type="submit" className="primary">
              Save contact
            </button>
            <ConfirmButton
              label="Forget this contact"
              confirmLabel="Delete the contact and erase their message texts"
              onConfirm={forget}
            />
          </div>
        </fieldset>
      </form>
      <ErrorNote message={error} />
    </Drawer>
  );
}
