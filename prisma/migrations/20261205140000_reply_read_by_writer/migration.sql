-- AlterTable: replies stay "unread" for their writer until the letter is opened.
ALTER TABLE "Reply" ADD COLUMN "readByWriterAt" TIMESTAMP(3);
-- Replies recorded before this change count as read: nobody is told about old news as new.
UPDATE "Reply" SET "readByWriterAt" = "createdAt";
