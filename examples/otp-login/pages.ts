// The example's HTML: three small pages, no client-side script, no framework.

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}
label{display:block;margin:.8rem 0 .3rem}input{font-size:1.1rem;padding:.4rem;width:100%;box-sizing:border-box}
button{margin-top:1rem;font-size:1rem;padding:.5rem 1rem}.note{color:#555}.error{color:#b00020}</style>
</head><body><h1>${escape(title)}</h1>${body}</body></html>`;
}

export function phonePage(options: { emailFallback: boolean; error?: string }): string {
  const email = options.emailFallback
    ? `<label for="email">Email (if WhatsApp does not reach you)</label>
<input id="email" name="email" type="email" autocomplete="email" placeholder="you@example.com">`
    : '';
  return layout(
    'Sign in',
    `${options.error ? `<p class="error" role="alert">${escape(options.error)}</p>` : ''}
<form method="post" action="/login">
<label for="phone">Phone number</label>
<input id="phone" name="phone" type="tel" required autocomplete="tel" placeholder="+15551234567">
${email}
<button type="submit">Send me a code</button></form>
<p class="note">The code comes over WhatsApp.${options.emailFallback ? ' If WhatsApp cannot deliver it, it comes by email.' : ''}</p>`,
  );
}

export function codePage(options: {
  phone: string;
  channel: string | null;
  canUseEmail: boolean;
  error?: string;
}): string {
  const where = options.channel === 'email' ? 'by email' : `over WhatsApp to ${options.phone}`;
  const emailButton = options.canUseEmail
    ? `<form method="post" action="/resend-email"><button type="submit">Send it by email instead</button></form>`
    : '';
  return layout(
    'Enter your code',
    `${options.error ? `<p class="error" role="alert">${escape(options.error)}</p>` : ''}
<p id="sent-to">We sent a code ${escape(where)}.</p>
<form method="post" action="/verify">
<label for="code">Code</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required pattern="[0-9]{4,10}">
<button type="submit">Sign in</button></form>${emailButton}
<p><a href="/logout">Use another number</a></p>`,
  );
}

export function welcomePage(phone: string): string {
  return layout(
    'Signed in',
    `<p id="welcome">You are signed in as <strong>${escape(phone)}</strong>.</p>
<form method="post" action="/logout"><button type="submit">Sign out</button></form>`,
  );
}
