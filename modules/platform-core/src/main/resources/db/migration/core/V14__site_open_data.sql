-- Which of a site's content types it publishes as open datasets, with the metadata data.gov.tw asks
-- for: {"<type>": {"published": true|false, "description": "…", "updateFrequency": "…", "contact": "…"}}.
-- A type not named is published with the defaults.
alter table site add column open_data text not null default '{}';
