-- Where a site places page modules: {"<region>": ["<module>.<name>", ...]}, in order. A region that is
-- not listed shows every enabled module's page modules for it (their declared default region).
alter table site add column page_modules text not null default '{}';
