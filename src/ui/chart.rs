//! A bar chart of twelve monthly values, drawn as SVG by hand (no chart
//! library). The same numbers sit in a table beside it for screen readers.

use crate::i18n::{format_number, month_name, use_i18n, T};
use leptos::prelude::*;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 280.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 34.0;
const TICKS: i64 = 4;

/// The smallest "round" number (1, 2, 2.5 or 5 × 10ⁿ, times the tick count)
/// at or above `max`, so the axis reads 0, 250, 500...
pub fn nice_ceiling(max: i64) -> i64 {
    if max <= 0 {
        return TICKS;
    }
    let raw_step = (max as f64 / TICKS as f64).max(1.0);
    let magnitude = 10f64.powf(raw_step.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw_step).unwrap_or(10.0 * magnitude);
    (step.max(1.0).ceil() as i64) * TICKS
}

/// Bar height in SVG units for `value` against the axis maximum.
pub fn bar_height(value: i64, axis_max: i64) -> f64 {
    (value.max(0) as f64 / axis_max.max(1) as f64) * (HEIGHT - TOP - BOTTOM)
}

/// An SVG length as text, to a hundredth, written with integer formatting:
/// an `f64` attribute (or `{:.2}`) would link Rust's float formatting (some
/// 10 KB) into the wasm for a chart and a timeline (issue 17).
pub fn svg(x: f64) -> String {
    let hundredths = (x * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let abs = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[component]
pub fn MonthlyBarChart(
    #[prop(into)] values: Signal<Vec<i64>>,
    /// Index of the month to mark as "this month", if it is in view.
    #[prop(into)]
    current: Signal<Option<usize>>,
    /// One sentence saying what the chart shows, for screen readers.
    #[prop(into)]
    summary: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let axis_max = Memo::new(move |_| nice_ceiling(values.with(|v| v.iter().copied().max().unwrap_or(0))));
    let plot_w = WIDTH - LEFT - RIGHT;
    let slot = plot_w / 12.0;
    let base_y = HEIGHT - BOTTOM;

    let grid = move || {
        let max = axis_max.get();
        let lang = i18n.lang.get();
        (0..=TICKS)
            .map(|k| {
                let value = max * k / TICKS;
                let y = base_y - bar_height(value, max);
                view! {
                    <g class="chart__tick">
                        <line x1=svg(LEFT) x2=svg(WIDTH - RIGHT) y1=svg(y) y2=svg(y) class=if k == 0 { "chart__axis" } else { "chart__grid" }/>
                        <text x=svg(LEFT - 8.0) y=svg(y + 4.0) text-anchor="end">{format_number(value, lang)}</text>
                    </g>
                }
            })
            .collect_view()
    };
    let bars = move || {
        let max = axis_max.get();
        let lang = i18n.lang.get();
        let now = current.get();
        values
            .get()
            .into_iter()
            .enumerate()
            .map(|(m, value)| {
                let h = bar_height(value, max);
                let bar_w = slot * 0.64;
                let x = LEFT + slot * m as f64 + (slot - bar_w) / 2.0;
                let is_now = now == Some(m);
                // "This month" is wider than a bar: at either end it lines up
                // with the bar's outer edge so that it stays inside the chart.
                let (now_x, now_anchor) = match m {
                    0 => (x, "start"),
                    11 => (x + bar_w, "end"),
                    _ => (x + bar_w / 2.0, "middle"),
                };
                let label = month_name(m as u32, lang, "short");
                let tooltip = format!("{}: {}", month_name(m as u32, lang, "long"), format_number(value, lang));
                view! {
                    <g class="chart__month" class:chart__month--current=is_now>
                        <rect class="chart__bar" x=svg(x) y=svg(base_y - h) width=svg(bar_w) height=svg(h) data-value=value>
                            <title>{tooltip}</title>
                        </rect>
                        <text class="chart__label" x=svg(x + bar_w / 2.0) y=svg(HEIGHT - 14.0) text-anchor="middle">{label}</text>
                        {is_now.then(|| view! {
                            <text class="chart__now" x=svg(now_x) y=svg(HEIGHT - 1.0) text-anchor=now_anchor>{i18n.t(T::ThisMonth)}</text>
                        })}
                    </g>
                }
            })
            .collect_view()
    };
    view! {
        <svg class="chart" viewBox=format!("0 0 {} {}", svg(WIDTH), svg(HEIGHT)) role="img" aria-label=move || summary.get() preserveAspectRatio="xMidYMid meet">
            {grid}
            {bars}
        </svg>
    }
}

/// The chart's numbers as a table: month, badges, and the total.
#[component]
pub fn MonthlyTable(#[prop(into)] values: Signal<Vec<i64>>, #[prop(into)] caption: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="data-table">
            <caption>{move || caption.get()}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t(T::Month)}</th>
                    <th scope="col" class="num">{move || i18n.t(T::BadgesIssued)}</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    let lang = i18n.lang.get();
                    values.get().into_iter().enumerate().map(|(m, v)| view! {
                        <tr>
                            <th scope="row">{month_name(m as u32, lang, "long")}</th>
                            <td class="num">{format_number(v, lang)}</td>
                        </tr>
                    }).collect_view()
                }}
            </tbody>
            <tfoot>
                <tr>
                    <th scope="row">{move || i18n.t(T::Total)}</th>
                    <td class="num">{move || format_number(values.with(|v| v.iter().sum()), i18n.lang.get())}</td>
                </tr>
            </tfoot>
        </table>
    }
}
