-- How a site composes its pages from page modules:
-- {"<page>": {"<region>": [{"module": "<module>.<name>", "settings": {"<name>": "<value>"}}]}},
-- <page> is "home" or a section page's slug, <region> one of hero, main, side.
alter table site add column page_layouts text not null default '{}';
