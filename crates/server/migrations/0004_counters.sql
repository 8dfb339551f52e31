-- Issue 15: the counts the public profile and the organization show are kept
-- on the organization row instead of being counted on every request. Filled
-- from the existing rows, then kept right by triggers on every insert, delete
-- or move of an issued badge or a badge template, whoever writes it.
ALTER TABLE ob_organizations ADD COLUMN badges_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ob_organizations ADD COLUMN badge_templates_count INTEGER NOT NULL DEFAULT 0;

UPDATE ob_organizations SET
    badges_count = (SELECT COUNT(*) FROM issued_badges b WHERE b.organization_id = ob_organizations.id),
    badge_templates_count = (SELECT COUNT(*) FROM badge_templates t WHERE t.organization_id = ob_organizations.id);

-- A bulk insert (seed-badges) names its organization here inside its own
-- transaction, adds its count once, and empties the table before it commits:
-- other connections never see a row, and a million rows skip a million
-- counter updates.
CREATE TABLE counters_paused (organization_id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;

CREATE TRIGGER issued_badges_count_insert AFTER INSERT ON issued_badges
WHEN NOT EXISTS (SELECT 1 FROM counters_paused WHERE organization_id = NEW.organization_id) BEGIN
    UPDATE ob_organizations SET badges_count = badges_count + 1 WHERE id = NEW.organization_id;
END;
CREATE TRIGGER issued_badges_count_delete AFTER DELETE ON issued_badges BEGIN
    UPDATE ob_organizations SET badges_count = badges_count - 1 WHERE id = OLD.organization_id;
END;
CREATE TRIGGER issued_badges_count_move AFTER UPDATE OF organization_id ON issued_badges
WHEN NEW.organization_id IS NOT OLD.organization_id BEGIN
    UPDATE ob_organizations SET badges_count = badges_count - 1 WHERE id = OLD.organization_id;
    UPDATE ob_organizations SET badges_count = badges_count + 1 WHERE id = NEW.organization_id;
END;

CREATE TRIGGER badge_templates_count_insert AFTER INSERT ON badge_templates BEGIN
    UPDATE ob_organizations SET badge_templates_count = badge_templates_count + 1 WHERE id = NEW.organization_id;
END;
CREATE TRIGGER badge_templates_count_delete AFTER DELETE ON badge_templates BEGIN
    UPDATE ob_organizations SET badge_templates_count = badge_templates_count - 1 WHERE id = OLD.organization_id;
END;
CREATE TRIGGER badge_templates_count_move AFTER UPDATE OF organization_id ON badge_templates
WHEN NEW.organization_id IS NOT OLD.organization_id BEGIN
    UPDATE ob_organizations SET badge_templates_count = badge_templates_count - 1 WHERE id = OLD.organization_id;
    UPDATE ob_organizations SET badge_templates_count = badge_templates_count + 1 WHERE id = NEW.organization_id;
END;
