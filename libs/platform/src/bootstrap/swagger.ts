import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const DOCS_PATH = 'docs';

/** OpenAPI document at /docs-json and Swagger UI at /docs, with bearer-token auth. */
export function setupSwagger(app: INestApplication, title: string): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(title)
      .setDescription(
        'Convene: coordination for restorative justice services. Authenticate with a bearer token ' +
          '(`npm run -s cli -- token issue --role coordinator --org ORG` for local use).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
}
