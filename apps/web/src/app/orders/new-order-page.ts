import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { BUYER_LOCALE_NAMES, BUYER_LOCALES, type BuyerLocale, type OrderStatus } from '@rapport/domain';
import { PageHeaderComponent } from '@rapport/ui';
import { apiProblemOf } from '../http/api-error';
import { OrdersApi } from './orders-api';

type LineForm = FormGroup<{
  productName: FormControl<string>;
  quantity: FormControl<number>;
  unitPrice: FormControl<string>;
}>;

const line = (): LineForm =>
  new FormGroup({
    productName: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    quantity: new FormControl(1, { nonNullable: true, validators: [Validators.required, Validators.min(1)] }),
    unitPrice: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

/** The local date and time of an instant, as a datetime-local input takes it. */
function localInput(instant: Date): string {
  const shifted = new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/**
 * An order taken by hand (over the phone, at the counter): its buyer, products and status. It is planned
 * for follow-ups like any other order, from the time it was placed.
 */
@Component({
  selector: 'rp-new-order-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    PageHeaderComponent,
  ],
  templateUrl: './new-order-page.html',
  styleUrl: '../settings/settings-forms.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewOrderPage {
  private readonly api = inject(OrdersApi);
  private readonly router = inject(Router);
  readonly locales = BUYER_LOCALES;
  readonly localeNames = BUYER_LOCALE_NAMES;
  readonly statuses: OrderStatus[] = ['placed', 'fulfilled', 'delivered'];
  readonly problems = signal<string[]>([]);
  readonly isSaving = signal(false);
  readonly form = new FormGroup({
    externalId: new FormControl(`C-${Date.now().toString(36).toUpperCase()}`, {
      nonNullable: true,
      validators: [Validators.required],
    }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    name: new FormControl('', { nonNullable: true }),
    locale: new FormControl<BuyerLocale | ''>('', { nonNullable: true }),
    placedAt: new FormControl(localInput(new Date()), {
      nonNullable: true,
      validators: [Validators.required],
    }),
    status: new FormControl<OrderStatus>('placed', { nonNullable: true }),
    currency: new FormControl('EUR', { nonNullable: true, validators: [Validators.required] }),
    lines: new FormArray<LineForm>([line()]),
  });
  private readonly lineValues = toSignal(this.form.controls.lines.valueChanges, {
    initialValue: this.form.controls.lines.getRawValue(),
  });
  /** The total of the lines, as the order will carry it. */
  readonly total = computed(() =>
    this.lineValues()
      .reduce(
        (sum, item) =>
          sum + Number(item.quantity ?? 0) * Number(String(item.unitPrice ?? '').replace(',', '.') || 0),
        0,
      )
      .toFixed(2),
  );

  addLine(): void {
    this.form.controls.lines.push(line());
  }

  removeLine(index: number): void {
    if (this.form.controls.lines.length > 1) this.form.controls.lines.removeAt(index);
  }

  async save(): Promise<void> {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const value = this.form.getRawValue();
    this.isSaving.set(true);
    this.problems.set([]);
    try {
      const order = await this.api.create({
        externalId: value.externalId.trim(),
        customer: {
          email: value.email.trim(),
          ...(value.name.trim() ? { name: value.name.trim() } : {}),
          ...(value.locale ? { locale: value.locale } : {}),
        },
        placedAt: new Date(value.placedAt).toISOString(),
        status: value.status,
        total: this.total(),
        currency: value.currency.trim().toUpperCase(),
        lines: value.lines.map((item) => ({
          productName: item.productName.trim(),
          quantity: Number(item.quantity),
          unitPrice: item.unitPrice.replace(',', '.').trim(),
        })),
      });
      await this.router.navigate(['/orders', order.id]);
    } catch (error) {
      const problem = apiProblemOf(error);
      this.problems.set(
        problem.details.length > 0
          ? problem.details.map((detail) => `${detail.field} ${detail.reason}`)
          : [problem.message],
      );
    } finally {
      this.isSaving.set(false);
    }
  }
}
