import type { ComponentChildren, PartialAnchorHTMLAttributes } from "preact";
import { navigate, useLocation } from "./router.ts";

type LinkProps = Omit<PartialAnchorHTMLAttributes<HTMLAnchorElement>, "href" | "role"> & {
  href: string;
  children: ComponentChildren;
  /** Marks the link `aria-current="page"` when the console is on its path (navigation menus). */
  current?: boolean;
};

/** An ordinary link (it opens in a new tab, it can be copied) that moves within the console without a reload. */
export function Link({ href, children, current, ...rest }: LinkProps) {
  const location = useLocation();
  const isCurrent = current && location.path === new URL(href, window.location.origin).pathname;
  return (
    <a
      {...rest}
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      onClick={(event) => {
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
