-- A later schema change, for the migration tests only.
ALTER TABLE stats_cells ADD COLUMN note VARCHAR(10) NOT NULL DEFAULT 'none';
