import { useId } from 'react';

/** Types grouped by what they are about (the part before the dot), in the server's order. */
function groupsOf(types: string[]): Array<[string, string[]]> {
  const groups = new Map<string, string[]>();
  for (const type of types) {
    const group = type.split('.')[0] ?? type;
    groups.set(group, [...(groups.get(group) ?? []), type]);
  }
  return [...groups];
}

/**
 * The events an endpoint receives: "All events" (`["*"]`), or the types ticked one by one. The
 * list is the server's (GET /v1/webhooks/event-types), so a new event type shows up here by itself.
 */
export function EventPicker({
  types,
  value,
  onChange,
}: {
  types: string[];
  /** `["*"]` or the chosen types. */
  value: string[];
  onChange: (next: string[]) => void;
}) {
  const id = useId();
  const all = value.includes('*');
  const toggle = (type: string, on: boolean) =>
    onChange(on ? types.filter((t) => t === type || value.includes(t)) : value.filter((t) => t !== type));
  return (
    <fieldset className="event-picker">
      <legend>Events</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={all}
          onChange={(e) => onChange(e.target.checked ? ['*'] : [])}
          aria-describedby={`${id}-all`}
        />{' '}
        All events
      </label>
      <p id={`${id}-all`} className="muted small">
        {all
          ? 'Every event type, including ones added in later versions. Untick to choose.'
          : value.length === 0
            ? 'Tick at least one event type.'
            : `${value.length} of ${types.length} event types.`}
      </p>
      {!all && (
        <div className="event-groups">
          {groupsOf(types).map(([group, members]) => (
            <fieldset key={group}>
              <legend>{group}</legend>
              {members.map((type) => (
                <label key={type} className="check mono small">
                  <input
                    type="checkbox"
                    name="events"
                    value={type}
                    checked={value.includes(type)}
                    onChange={(e) => toggle(type, e.target.checked)}
                  />{' '}
                  {type}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
      )}
    </fieldset>
  );
}
