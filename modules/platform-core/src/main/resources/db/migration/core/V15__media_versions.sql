-- A file replaced in the library keeps its id (every item naming it shows the new one); each
-- replacement is a new version, stored under its own keys and named in the file's addresses.
alter table media add column version integer not null default 1;
