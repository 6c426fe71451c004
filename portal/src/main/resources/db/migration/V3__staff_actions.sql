-- The staff console's own audit: every change it asks of the API and every patient account it shows, with who
-- (Keycloak subject and username, role), what (action and target), why (the reason the staff member gave), when
-- and how it went. Only ever inserted into.
CREATE TABLE staff_action (
    id          UUID PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    subject     VARCHAR(100) NOT NULL,
    username    VARCHAR(100) NOT NULL,
    role        VARCHAR(60) NOT NULL,
    action      VARCHAR(60) NOT NULL,
    target      VARCHAR(200) NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    outcome     VARCHAR(20) NOT NULL
);

CREATE INDEX staff_action_occurred_at ON staff_action (occurred_at, id);
