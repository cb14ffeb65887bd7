import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How many items are on sale in a browse facet ('all', 'roast:LIGHT' …), so a browse page's total is one row read. */
@Entity('catalog_facet_counts')
export class CatalogFacetCount {
  @PrimaryColumn('text') facet: string;
  @Column('integer') items: number;
}
