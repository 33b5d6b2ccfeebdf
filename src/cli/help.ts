/** Help texts, kept apart from the commands so `--help` loads nothing heavy. */
export const workspacesHelp = `waping workspaces create --name NAME [--plan PLAN]   create a workspace (prints its id)
waping workspaces list                                 list workspaces
waping workspaces set-plan ID|NAME PLAN                move a workspace to another plan`;

export const keysHelp = `waping keys create [--workspace ID|NAME] [--name NAME] [--scopes messages,devices,…]
                                    create an API key; prints the key alone on stdout
waping keys list [--workspace ID|NAME]   list keys (never their values)
waping keys revoke ID                    revoke a key`;

export const usersHelp = `waping users create --email E --password P [--workspace ID|NAME] [--role owner|admin|agent|viewer]
                                    create a dashboard user (default role: owner)
waping users reset-password --email E --password P
                                    set a new password for a user who forgot theirs (signs them out)

waping users reset-2fa --email E    turn off a member's two-factor sign-in (a lost phone and lost
                                    recovery codes); they sign in with the password alone, or enrol
                                    again where the workspace requires it`;

export const devicesHelp = `waping devices list [--workspace ID|NAME]   list devices and their status
waping devices link ID [--phone +1…]        link a device here: prints the QR in the terminal until the
                                            phone scans it (sandbox devices: --phone simulates the scan)`;

export const HELP = `WAPing — self-hostable WhatsApp business-line gateway

Usage: waping [command]

waping serve                 start the server (default)
waping migrate               apply database migrations and exit
${workspacesHelp}
${keysHelp}
${usersHelp}
${devicesHelp}

Configuration comes from the environment; see docs/configuration.md.`;
