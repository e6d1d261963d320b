import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an uploaded file was found to be, so every run reads it the same way: its encoding (from the byte
 * order mark, else UTF-8 when its bytes are, else Windows-1252) and how its `03/04/2026` dates are read.
 * A refused row also keeps the column and the value it was refused for. Files uploaded before have none
 * of these and are read as before: UTF-8, such dates refused.
 */
export class AddImportFileFormat1795653300000 implements MigrationInterface {
  name = 'AddImportFileFormat1795653300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE imports
        ADD COLUMN encoding text CHECK (encoding IN ('utf-8', 'utf-16le', 'utf-16be', 'windows-1252')),
        ADD COLUMN date_order text CHECK (date_order IN ('dmy', 'mdy'))`);
    await db.query(`ALTER TABLE import_problems ADD COLUMN column_name text, ADD COLUMN value text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE import_problems DROP COLUMN column_name, DROP COLUMN value`);
    await db.query(`ALTER TABLE imports DROP COLUMN encoding, DROP COLUMN date_order`);
  }
}
