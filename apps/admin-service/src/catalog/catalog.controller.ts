import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@roastery/auth';
import type { CatalogMasterEntryDto, Page } from '@roastery/contracts';
import { ValidQuery } from '@roastery/http';
import { type CatalogListQuery, catalogListQuerySchema } from './catalog.dto';
import { CatalogService } from './catalog.service';

/** GET /admin/catalog: the catalog master with merge history and partner status. */
@ApiTags('catalog')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  list(@ValidQuery(catalogListQuerySchema) q: CatalogListQuery): Promise<Page<CatalogMasterEntryDto>> {
    return this.catalog.list(q);
  }
}
