/**
 * Device cookies for sign-in (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"):
 * the failed-attempt lockouts per login and per address stay, but anyone could use them to lock
 * a person, or an office behind one address, out on purpose. A laptop that has signed in as a
 * login before holds a random cookie for it, and its right password gets through a lockout that
 * others caused; failures with the cookie are counted per cookie instead.
 */
export const sql = /* sql */ `
CREATE TABLE login_device_cookies (
  -- SHA-256 (hex) of the cookie; the cookie itself is shown once, to the laptop that signed in.
  cookie_hash text        PRIMARY KEY CHECK (cookie_hash ~ '^[0-9a-f]{64}$'),
  -- The login it was issued to: it vouches for nothing else.
  user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_device_cookies_user ON login_device_cookies (user_id);

-- The trusted cookie an attempt came with (null: none, or one that was not trusted), so that
-- failures are counted per cookie: a stolen cookie guesses no more than a lockout allows.
ALTER TABLE login_attempts ADD COLUMN cookie_hash text;
CREATE INDEX login_attempts_cookie_at ON login_attempts (cookie_hash, at) WHERE cookie_hash IS NOT NULL;
`;
