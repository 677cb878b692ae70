/**
 * Users, their devices (one token per laptop), login attempts for the rate limit, and
 * delegations (a substitute takes over a manager's clients for a period). The synced records
 * come with the sync protocol in a later migration.
 */
export const sql = /* sql */ `
CREATE TABLE users (
  id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Stored lower-case: logins are matched case-insensitively.
  login              text        NOT NULL UNIQUE CHECK (login = lower(login) AND length(login) BETWEEN 1 AND 100),
  display_name       text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  role               text        NOT NULL CHECK (role IN ('manager', 'head_of_sales', 'admin')),
  -- The head of sales whose team this user is in.
  head_id            uuid        REFERENCES users (id),
  -- Largest discount (percent) this user may grant without approval.
  discount_limit_pct numeric(5,2) NOT NULL DEFAULT 0 CHECK (discount_limit_pct BETWEEN 0 AND 100),
  password_hash      text        NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  disabled_at        timestamptz
);
CREATE INDEX users_head ON users (head_id);

CREATE TABLE devices (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid        NOT NULL REFERENCES users (id),
  name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- SHA-256 (hex) of the bearer token; the token itself is shown once and never stored.
  token_hash   text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX devices_user ON devices (user_id);

-- Every login attempt (recorded as failed before the password is checked, so concurrent
-- guesses are all counted), for the rate limit. Pruned after a day.
CREATE TABLE login_attempts (
  id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  login     text        NOT NULL,
  ip        text        NOT NULL,
  at        timestamptz NOT NULL DEFAULT now(),
  succeeded boolean     NOT NULL DEFAULT false
);
CREATE INDEX login_attempts_login_at ON login_attempts (login, at);
CREATE INDEX login_attempts_ip_at ON login_attempts (ip, at);

CREATE TABLE delegations (
  id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  from_user  uuid        NOT NULL REFERENCES users (id),
  to_user    uuid        NOT NULL REFERENCES users (id),
  starts_on  date        NOT NULL,
  ends_on    date        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_user <> to_user),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX delegations_to ON delegations (to_user, starts_on, ends_on);
`;
