/**
 * A JSON Schema (draft 2020-12) for JSON Feed 1.1, written from the specification at
 * https://www.jsonfeed.org/version/1.1/ so that tests validate feeds without the network.
 * It checks the required fields, their types and the formats the specification names (URLs,
 * RFC 3339 dates); it is test support, not a published schema.
 */
import Ajv2020 from 'ajv/dist/2020.js';

const url = { type: 'string', minLength: 1, format: 'uri-reference' } as const;
const author = {
  type: 'object',
  properties: { name: { type: 'string' }, url, avatar: url },
  anyOf: [{ required: ['name'] }, { required: ['url'] }, { required: ['avatar'] }],
} as const;
const date = { type: 'string', format: 'date-time' } as const;

export const jsonFeedSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    version: { const: 'https://jsonfeed.org/version/1.1' },
    title: { type: 'string', minLength: 1 },
    home_page_url: url,
    feed_url: url,
    description: { type: 'string' },
    user_comment: { type: 'string' },
    next_url: url,
    icon: url,
    favicon: url,
    authors: { type: 'array', items: author },
    language: { type: 'string', minLength: 2 },
    expired: { type: 'boolean' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id'],
        anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
        properties: {
          id: { type: 'string', minLength: 1 },
          url,
          external_url: url,
          title: { type: 'string' },
          content_html: { type: 'string' },
          content_text: { type: 'string' },
          summary: { type: 'string' },
          image: url,
          banner_image: url,
          date_published: date,
          date_modified: date,
          authors: { type: 'array', items: author },
          tags: { type: 'array', items: { type: 'string', minLength: 1 } },
          language: { type: 'string', minLength: 2 },
          attachments: {
            type: 'array',
            items: {
              type: 'object',
              required: ['url', 'mime_type'],
              properties: { url, mime_type: { type: 'string' }, title: { type: 'string' } },
            },
          },
        },
      },
    },
  },
} as const;

/** RFC 3339 date-time, as JSON Feed requires for date_published and date_modified. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A validator for JSON Feed 1.1. The two formats are checked here (ajv-formats is not installed):
 * a date-time must be RFC 3339 and a real time, a URL must parse (relative ones against a base).
 */
export function jsonFeedValidator() {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  ajv.addFormat('date-time', (value: string) => RFC3339.test(value) && !Number.isNaN(Date.parse(value)));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'https://example.org/'));
  return ajv.compile(jsonFeedSchema);
}
