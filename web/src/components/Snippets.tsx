import { useId, useState } from 'react';
import { CopyButton } from './CopyButton';

export interface Snippet {
  language: 'curl' | 'Node' | 'Python';
  code: string;
}

/** The same call in curl, Node and Python, filled with real values, each one click from the clipboard. */
export function Snippets({ title, snippets }: { title: string; snippets: Snippet[] }) {
  const [chosen, setChosen] = useState(snippets[0]?.language ?? 'curl');
  const id = useId();
  const shown = snippets.find((s) => s.language === chosen) ?? snippets[0];
  if (!shown) return null;
  return (
    <section className="snippets" aria-label={title}>
      <div className="row" role="group" aria-label="Language">
        {snippets.map((s) => (
          <button
            key={s.language}
            type="button"
            aria-pressed={s.language === shown.language}
            onClick={() => setChosen(s.language)}
          >
            {s.language}
          </button>
        ))}
        <CopyButton value={shown.code} label={`Copy the ${shown.language} example`} />
      </div>
      <pre className="message-body mono" id={id} tabIndex={0} aria-label={`${shown.language} example`}>
        {shown.code}
      </pre>
      <p className="muted small">
        Every route, with its fields and answers: <a href="/docs">the API reference at /docs</a>.
      </p>
    </section>
  );
}

const origin = () => window.location.origin;

/** Sending a text with a key: the first call most people make. */
export function sendSnippets(key: string, to = '+15551234567'): Snippet[] {
  const url = `${origin()}/v1/messages`;
  const body = JSON.stringify({ to, type: 'text', text: { body: 'Hello from WAPing' } });
  return [
    {
      language: 'curl',
      code: `curl -X POST ${url} \\\n  -H "Authorization: Bearer ${key}" \\\n  -H "Content-Type: application/json" \\\n  -d '${body}'`,
    },
    {
      language: 'Node',
      code: `const res = await fetch('${url}', {\n  method: 'POST',\n  headers: { Authorization: 'Bearer ${key}', 'Content-Type': 'application/json' },\n  body: JSON.stringify(${body}),\n});\nconsole.log(res.status, await res.json());`,
    },
    {
      language: 'Python',
      code: `import json, urllib.request\n\nreq = urllib.request.Request(\n    '${url}',\n    data=json.dumps(${body}).encode(),\n    headers={'Authorization': 'Bearer ${key}', 'Content-Type': 'application/json'},\n)\nprint(urllib.request.urlopen(req).read().decode())`,
    },
  ];
}

/**
 * Any call in the three languages, filled with real ids; the key comes from WAPING_API_KEY in the
 * environment, so a snippet copied from here never carries a secret.
 */
export function callSnippets(method: 'GET' | 'POST', path: string, body?: object): Snippet[] {
  const url = `${origin()}${path}`;
  const json = body === undefined ? undefined : JSON.stringify(body);
  const curlData = json === undefined ? '' : ` \\\n  -H "Content-Type: application/json" \\\n  -d '${json}'`;
  const nodeHeaders =
    json === undefined
      ? '{ Authorization: `Bearer ${process.env.WAPING_API_KEY}` }'
      : "{ Authorization: `Bearer ${process.env.WAPING_API_KEY}`, 'Content-Type': 'application/json' }";
  const pyHeaders =
    json === undefined
      ? "{'Authorization': 'Bearer ' + os.environ['WAPING_API_KEY']}"
      : "{'Authorization': 'Bearer ' + os.environ['WAPING_API_KEY'], 'Content-Type': 'application/json'}";
  return [
    {
      language: 'curl',
      code: `curl -X ${method} ${url} \\\n  -H "Authorization: Bearer $WAPING_API_KEY"${curlData}`,
    },
    {
      language: 'Node',
      code: `const res = await fetch('${url}', {\n  method: '${method}',\n  headers: ${nodeHeaders},${json === undefined ? '' : `\n  body: JSON.stringify(${json}),`}\n});\nconsole.log(res.status, await res.json());`,
    },
    {
      language: 'Python',
      code: `import json, os, urllib.request\n\nreq = urllib.request.Request(\n    '${url}',\n    method='${method}',${json === undefined ? '' : `\n    data=json.dumps(${json}).encode(),`}\n    headers=${pyHeaders},\n)\nprint(urllib.request.urlopen(req).read().decode())`,
    },
  ];
}
