-- Armoury scoping: a user assigned to an armoury sees and moves only the firearms recorded in it (its subtree
-- of locations). NULL is national scope (central staff, auditors, investigators).
ALTER TABLE app_user ADD COLUMN armoury_id BIGINT NULL;
ALTER TABLE app_user ADD CONSTRAINT fk_app_user_armoury_id FOREIGN KEY (armoury_id) REFERENCES location (id);
