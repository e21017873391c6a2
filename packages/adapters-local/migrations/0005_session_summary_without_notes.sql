-- Clinical notes (issue 11) are kept in the session document, under `notes`: every item with its
-- evidence, tens of kilobytes for a long session. A listing never shows them, so the summary
-- leaves them out, as it leaves out the transcript's segments and the sentiment (0004).
ALTER TABLE confide_sessions DROP COLUMN summary;
ALTER TABLE confide_sessions ADD COLUMN summary jsonb GENERATED ALWAYS AS (
  jsonb_set(
    (document - '{transcript,sentiment,notes,settings,processing,statusHistory}'::text[]) #- '{review,edits}',
    '{transcript}',
    CASE jsonb_typeof(document -> 'transcript')
      WHEN 'object' THEN jsonb_set(
        (document -> 'transcript') - '{segments,speakers,warnings}'::text[],
        '{segmentCount}',
        coalesce(jsonb_array_length(document -> 'transcript' -> 'segments'), 0)::text::jsonb)
      ELSE 'null'::jsonb
    END)
) STORED;
