-- A migration whose second statement fails: the first must be rolled back with it.
ALTER TABLE stats_cells ADD COLUMN half_done INTEGER;
ALTER TABLE no_such_table ADD COLUMN never INTEGER;
