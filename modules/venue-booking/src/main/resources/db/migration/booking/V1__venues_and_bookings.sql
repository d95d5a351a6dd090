-- Venues a site rents out, their blackouts, bookings and waitlists (module booking).

create table booking_venue (
    id                    bigserial primary key,
    site_key              varchar(64) not null,
    name_zh               varchar(200) not null,
    name_en               varchar(200) not null default '',
    description_zh        text not null default '',
    description_en        text not null default '',
    address               varchar(300) not null default '',
    latitude              double precision,
    longitude             double precision,
    capacity              integer not null check (capacity > 0),
    facilities            text not null default '',
    accessibility         text not null default '',
    photo_ids             text not null default '',
    -- weekday (1 = Monday … 7 = Sunday) → "08:00-22:00"; a day missing is closed
    opening               jsonb not null,
    -- fixed: named slots [{"name","start","end"}]; flexible: granularity and duration bounds
    slot_mode             varchar(8) not null check (slot_mode in ('fixed', 'flexible')),
    fixed_slots           jsonb not null default '[]',
    granularity_minutes   integer not null default 60 check (granularity_minutes between 15 and 240),
    min_minutes           integer not null default 60,
    max_minutes           integer not null default 240,
    -- New Taiwan dollars; discounts: category → percent off
    fee_per_slot          integer not null default 0 check (fee_per_slot >= 0),
    fee_per_hour          integer not null default 0 check (fee_per_hour >= 0),
    discounts             jsonb not null default '{}',
    min_notice_hours      integer not null default 24 check (min_notice_hours >= 0),
    max_advance_days      integer not null default 60 check (max_advance_days > 0),
    quota_per_week        integer check (quota_per_week > 0),
    quota_per_month       integer check (quota_per_month > 0),
    cancel_deadline_hours integer not null default 48 check (cancel_deadline_hours >= 0),
    -- percent of the fee refunded when cancelled before the deadline (after it: none)
    refund_percent        integer not null default 100 check (refund_percent between 0 and 100),
    terms_zh              text not null,
    terms_en              text not null default '',
    approval_required     boolean not null,
    demo                  boolean not null default false,
    created_at            timestamptz not null
);
create index booking_venue_site on booking_venue (site_key);

create table booking_blackout (
    id         bigserial primary key,
    venue_id   bigint not null references booking_venue (id) on delete cascade,
    during     tstzrange not null check (not isempty(during)),
    reason     varchar(300) not null,
    created_by varchar(255) not null,
    created_at timestamptz not null
);
create index booking_blackout_venue on booking_blackout using gist (during);

create table booking (
    id            bigserial primary key,
    number        varchar(24) not null unique,
    site_key      varchar(64) not null,
    venue_id      bigint not null references booking_venue (id),
    applicant     varchar(255) not null,
    email         varchar(320) not null default '',
    applicant_name varchar(100) not null,
    phone         varchar(40) not null default '',
    organisation  varchar(200) not null default '',
    purpose       varchar(500) not null,
    attendees     integer not null check (attendees > 0),
    discount      varchar(40) not null default '',
    state         varchar(12) not null check (state in
        ('requested', 'approved', 'confirmed', 'paid', 'used', 'cancelled', 'rejected', 'no_show')),
    fee           integer not null check (fee >= 0),
    payment_id    varchar(36),
    paid_amount   integer not null default 0,
    refund_amount integer not null default 0,
    message       varchar(1000) not null default '',
    calendar_key  varchar(43) not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    demo          boolean not null default false,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index booking_site_state on booking (site_key, state);
create index booking_applicant on booking (applicant, starts_at);
create index booking_venue_start on booking (venue_id, starts_at);

-- The slots a booking holds. While its booking is in a holding state (requested, approved,
-- confirmed, paid) a slot row is "holding", and PostgreSQL itself refuses a second holding slot
-- that overlaps it on the same venue: no double booking, whatever the application does.
create table booking_slot (
    id         bigserial primary key,
    booking_id bigint not null references booking (id) on delete cascade,
    venue_id   bigint not null,
    during     tstzrange not null check (not isempty(during)),
    holding    boolean not null,
    constraint booking_slot_no_overlap exclude using gist (
        int8range(venue_id, venue_id, '[]') with =,
        during with &&
    ) where (holding)
);
create index booking_slot_booking on booking_slot (booking_id);

-- Citizens waiting for a taken slot: offered it, in order, when its booking is cancelled.
create table booking_waitlist (
    id          bigserial primary key,
    site_key    varchar(64) not null,
    venue_id    bigint not null references booking_venue (id) on delete cascade,
    during      tstzrange not null,
    applicant   varchar(255) not null,
    email       varchar(320) not null default '',
    state       varchar(10) not null check (state in ('waiting', 'offered', 'expired', 'booked', 'left')),
    offered_at  timestamptz,
    created_at  timestamptz not null,
    unique (venue_id, during, applicant)
);
create index booking_waitlist_slot on booking_waitlist (venue_id, state);

-- Booking numbers: B-<day requested>-<n>, n from here (never reused, even when a request is refused).
create sequence booking_number_seq;
