-- Smartcard certificates registered to accounts. A card maps to exactly one account by its
-- issuer and serial number (the pair that identifies a certificate); the subject is kept for display.
create table card_certificate (
    id                  bigint generated always as identity primary key,
    account_id          bigint       not null references account (id),
    issuer_dn           varchar(500) not null,
    serial_number       varchar(80)  not null,
    subject_dn          varchar(500) not null,
    sha256_fingerprint  varchar(64)  not null,
    not_after           timestamptz  not null,
    status              varchar(16)  not null check (status in ('ACTIVE', 'REVOKED')),
    registered_by       varchar(64)  not null,
    registered_at       timestamptz  not null,
    revoked_by          varchar(64),
    revoked_at          timestamptz
);
create unique index card_certificate_active on card_certificate (issuer_dn, serial_number) where status = 'ACTIVE';
create unique index card_certificate_one_active_per_account on card_certificate (account_id) where status = 'ACTIVE';

-- When each way of logging in is allowed, per portal and role; a missing row means the configured defaults.
create table cutover_policy (
    portal           varchar(16)  not null,
    account_type     varchar(16)  not null,
    smartcard_until  timestamptz,
    otp_from         timestamptz,
    updated_by       varchar(64)  not null,
    updated_at       timestamptz  not null,
    primary key (portal, account_type)
);
