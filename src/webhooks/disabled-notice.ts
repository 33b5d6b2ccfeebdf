/** The email the operators get when an endpoint was disabled for failing too long. */
export function disabledNotice(endpoint: { id: string; url: string }, hours: number) {
  return {
    subject: `WAPing: webhook ${endpoint.url} was disabled`,
    text: [
      `Every delivery to the webhook endpoint ${endpoint.url} (${endpoint.id}) has failed for ${hours} hours, so WAPing disabled it.`,
      `Events are no longer sent there. Fix the receiver, then enable the endpoint again`,
      `(PATCH /v1/webhooks/${endpoint.id} {"enabled":true}): the deliveries still pending go out then.`,
    ].join('\n'),
  };
}
