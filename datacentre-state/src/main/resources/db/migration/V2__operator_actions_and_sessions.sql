-- Operator actions (switch-over, fail-over, open and close a session) and the sessions they open.

-- Sessions an operator can open. Window times are Hong Kong local times (Asia/Hong_Kong, UTC+8,
-- no daylight saving); session_date null means the window applies on any day.
create table session_definition (
    name                          text    primary key check (name ~ '^[A-Z][A-Z0-9_]{0,31}$'),
    data_centre                   text    not null check (data_centre ~ '^[A-Z][A-Z0-9]{1,15}$'),
    session_date                  date    null,
    window_start                  time    not null,
    window_end                    time    not null,
    business_functions_available  boolean not null,
    carry_forward                 boolean not null,
    constraint session_definition_window_forward check (window_end > window_start),
    -- Windows are stated (and shown) in whole minutes, as the circular states them.
    constraint session_definition_whole_minutes
        check (extract(second from window_start) = 0 and extract(second from window_end) = 0)
);

-- The circular's connectivity-test day (Saturday 10 June 2023; the English annex misprints the year).
insert into session_definition (name, data_centre, session_date, window_start, window_end,
                                business_functions_available, carry_forward)
values ('SESSION_1', 'PDC', date '2023-06-10', time '18:00', time '20:00', false, true),
       ('SESSION_2', 'SDC', date '2023-06-10', time '22:00', time '23:00', false, false);

-- The mode now says only how the active DC came to hold its epoch (planned or disaster); an open
-- session is recorded beside it, so closing a session never has to guess which mode to go back to.
alter table datacentre_state
    drop constraint datacentre_state_session_iff_test,
    drop constraint datacentre_state_discard_only_in_test,
    drop constraint datacentre_state_mode_check;

alter table datacentre_state
    add column business_functions_available boolean     not null default true,
    add column session_opened_at            timestamptz null,
    add column session_outside_window       boolean     null,
    add constraint datacentre_state_mode_check check (mode in ('NORMAL', 'FAILED_OVER')),
    add constraint datacentre_state_session_defined foreign key (session_name) references session_definition (name),
    -- Only an open session may keep its changes from carrying forward, or close business functions (DESIGN §4).
    add constraint datacentre_state_discard_only_in_session check (carry_forward or session_name is not null),
    add constraint datacentre_state_functions_closed_only_in_session
        check (business_functions_available or session_name is not null),
    add constraint datacentre_state_session_details
        check ((session_name is null) = (session_opened_at is null)
           and (session_name is null) = (session_outside_window is null));

-- History: the state left (null for the first entry) beside the state entered, and whether a
-- session was opened outside its window. Existing rows are all normal production, where business
-- functions are open, so the default is their true value. Adding columns rewrites no row, so the
-- append-only trigger is not involved.
alter table state_change
    add column business_functions_available      boolean not null default true,
    add column from_epoch                        bigint  null,
    add column from_active_dc                    text    null,
    add column from_mode                         text    null,
    add column from_session_name                 text    null,
    add column from_carry_forward                boolean null,
    add column from_business_functions_available boolean null,
    add column outside_window                    boolean null,
    add constraint state_change_from_complete
        check ((from_epoch is null) = (from_active_dc is null)
           and (from_epoch is null) = (from_mode is null)
           and (from_epoch is null) = (from_carry_forward is null)
           and (from_epoch is null) = (from_business_functions_available is null)),
    -- An operator action always names who asked and why.
    add constraint state_change_operator_reason check (actor is null or reason is not null);
