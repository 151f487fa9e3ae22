/** Sets up e2e data through the public HTTP API, as another client of the web host would. */
export interface ApiClient {
  readonly token: string;
  // Untyped on purpose: e2e data setup reads a field or two from each reply.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call(channel: string, input: unknown): Promise<any>;
  /** Changing the password (even to itself) ends every session of the account. */
  endAllSessions(): Promise<void>;
}

export function api(baseUrl: string) {
  async function post(channel: string, input: unknown, token?: string): Promise<unknown> {
    const response = await fetch(`${baseUrl}/api/${channel}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { ok: boolean; data?: unknown; error?: unknown };
    if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
    return body.data;
  }
  return {
    /** Signs in, creating the owner first when `createOwner` is set. */
    async signIn(username: string, password: string, createOwner = false): Promise<ApiClient> {
      if (createOwner) {
        await post('setup.createOwner', {
          username,
          email: `${username}@example.com`,
          fullName: 'Olive Owner',
          password,
        });
      }
      const { token } = (await post('auth.login', { username, password })) as { token: string };
      return {
        token,
        call: (channel, input) => post(channel, input, token),
        async endAllSessions() {
          await post(
            'auth.changePassword',
            { currentPassword: password, newPassword: password },
            token,
          );
        },
      };
    },
  };
}
