using System.Diagnostics;
using Microsoft.Playwright;

namespace Galen.Web.Tests;

/// <summary>
/// Waits for the page a click or a script sent the browser to. The address is polled and the page's footer (the last
/// thing the layout writes) awaited, rather than the browser's load event: on a busy two-core machine that event was
/// once never reported for a page that had fully arrived, and the test waited out its whole timeout.
/// </summary>
internal static class PageArrival
{
    public static async Task ArriveAsync(this IPage page, Func<string, bool> address, float timeoutMs = 30_000)
    {
        var clock = Stopwatch.StartNew();
        while (!address(page.Url))
        {
            if (clock.ElapsedMilliseconds > timeoutMs)
            {
                throw new TimeoutException($"The page stayed at {page.Url} for {timeoutMs / 1000:0} s.");
            }
            await Task.Delay(50);
        }
        var left = Math.Max(1_000, timeoutMs - clock.ElapsedMilliseconds);
        await page.Locator("footer.site-footer").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = left });
    }
}
