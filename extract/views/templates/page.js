// Pointing at an element with data-character (or data-event) lights every element of that
// character (or event); a click on a character keeps it lit until the next click.
(() => {
  const keys = ["character", "event"];
  let pinned = null;
  const same = (a, b) => a && b && a.key === b.key && a.value === b.value;
  const light = (target, on) => {
    const selector = `[data-${target.key}="${CSS.escape(target.value)}"]`;
    document.querySelectorAll(selector).forEach((element) => element.classList.toggle("lit", on));
  };
  const targetOf = (event) => {
    for (const key of keys) {
      const element = event.target.closest(`[data-${key}]`);
      if (element) return { key, value: element.dataset[key] };
    }
    return null;
  };
  document.addEventListener("mouseover", (event) => {
    const target = targetOf(event);
    if (target) light(target, true);
  });
  document.addEventListener("mouseout", (event) => {
    const target = targetOf(event);
    if (target && !same(target, pinned)) light(target, false);
  });
  const pin = (target) => {
    if (!target || target.key !== "character") return;
    if (pinned) light(pinned, false);
    pinned = same(target, pinned) ? null : target;
    if (pinned) light(pinned, true);
  };
  document.addEventListener("click", (event) => pin(targetOf(event)));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") pin(targetOf(event));
  });
})();
