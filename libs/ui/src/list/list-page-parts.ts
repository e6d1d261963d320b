import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { SearchFieldComponent } from '../fields/search-field.component';
import { SelectFieldComponent } from '../fields/select-field.component';
import { TextFieldComponent } from '../fields/text-field.component';
import { PageHeaderComponent } from '../page-header/page-header.component';
import { DataColumnDirective } from './data-table.component';
import { ListPageComponent } from './list-page.component';

/**
 * What a list page's template is made of: its header and its actions (links, buttons, icons), the list
 * with its columns and dates, and the fields of its filters. A page imports these at once, and its own
 * extras beside them.
 */
export const LIST_PAGE_PARTS = [
  PageHeaderComponent,
  ListPageComponent,
  DataColumnDirective,
  SearchFieldComponent,
  SelectFieldComponent,
  TextFieldComponent,
  RouterLink,
  DatePipe,
  MatButtonModule,
  MatIconModule,
] as const;
