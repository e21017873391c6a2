import { Link } from "../router/link.tsx";
import { ScreenHeading } from "./screen-heading.tsx";

export function NotFoundScreen({ home }: { home: string }) {
  return (
    <>
      <ScreenHeading title="Page not found">Page not found</ScreenHeading>
      <p>
        There is nothing at this address for your account. <Link href={home}>Go to your home page</Link>.
      </p>
    </>
  );
}
